package main

func runLauncher(cmd string, args []string) int { usage(); return 2 }
