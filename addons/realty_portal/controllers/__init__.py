# public showcase
from . import showcase

# my needs, recommendations, my home
from . import my_home
from . import my_needs
