def post_init_hook(env):
    env["realty.demo"]._realty_finance_demo()
