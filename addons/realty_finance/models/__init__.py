from . import res_company
from . import res_config_settings
from . import account_move
from . import account_payment
from . import realty_installment
from . import realty_installment_billing
from . import realty_contract
from . import realty_reservation
