def post_init_hook(env):
    env["realty.demo"]._realty_contract_demo_contracts()
