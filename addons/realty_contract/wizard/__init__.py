from . import realty_contract_import
from . import realty_contract_import_line
