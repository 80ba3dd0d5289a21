from . import test_billing
from . import test_payments
from . import test_billing_race
from . import test_rebilling
from . import test_arrears
from . import test_late_fee
from . import test_late_fee_race
from . import test_dunning
