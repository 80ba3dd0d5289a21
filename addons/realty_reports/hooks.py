def post_init_hook(env):
    env["realty.demo"]._realty_reports_demo()
