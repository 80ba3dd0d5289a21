from . import report_contract
