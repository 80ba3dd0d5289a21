from . import test_realty_unit
from . import test_unit_state
from . import test_unit_generator
from . import test_sales_stats
from . import test_access_rights
from . import test_ui
from . import test_chinese_amount
from . import test_pdf_cjk_text
