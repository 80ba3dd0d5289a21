from . import realty_sales_stats_mixin
from . import realty_project
from . import realty_project_image
from . import realty_building
from . import realty_layout_category
from . import realty_layout
from . import realty_layout_image
from . import realty_unit
