from . import report_contract
from . import contract_xlsx
