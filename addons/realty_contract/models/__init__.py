from . import crm_lead
from . import realty_contract
from . import realty_contract_buyer
from . import realty_demo
from . import realty_installment
from . import realty_reservation
from . import realty_unit
