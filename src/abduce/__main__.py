from abduce.cli.app import main

main()
