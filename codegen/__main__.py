from codegen.commands import console

console()
