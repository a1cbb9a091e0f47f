from vnkg.cli import main

main()
