# public showcase
from . import realty_showcase_mixin
from . import realty_project
from . import realty_layout
from . import realty_payment_plan

# my needs, recommendations, my home
from . import crm_lead
from . import realty_contract
from . import realty_installment
