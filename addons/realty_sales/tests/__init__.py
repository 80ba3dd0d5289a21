from . import test_payment_plan
from . import test_reservation
from . import test_reservation_race
from . import test_recommendations
from . import test_sales_access
from . import test_sales_board
from . import test_ui
from . import test_reservation_integrity
