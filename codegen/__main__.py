from codegen.commands import main

raise SystemExit(main())
