from . import realty_payment_receive
