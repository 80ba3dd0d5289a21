from . import board_export
