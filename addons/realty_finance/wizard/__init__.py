from . import realty_payment_receive
from . import account_payment_register
from . import realty_payment_receive_mortgage
