from codegen._script import run

run()
