from . import realty_unit_generator
from . import realty_unit_generator_line
