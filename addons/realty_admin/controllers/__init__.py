from . import realty_backup
