# daily log: mail, xlsx, pdf
from . import daily_report
from . import daily_report_xlsx

# analyses xlsx
