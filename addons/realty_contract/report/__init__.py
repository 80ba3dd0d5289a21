from . import report_contract
from . import contract_xlsx
from . import contract_import_template
