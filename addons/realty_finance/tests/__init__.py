from . import test_billing
from . import test_payments
from . import test_billing_race
from . import test_rebilling
