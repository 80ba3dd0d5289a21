from . import verify
from . import contract_xlsx
