from .create_once import create_once
