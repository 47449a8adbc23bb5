from planaudit.cli import main

main()
