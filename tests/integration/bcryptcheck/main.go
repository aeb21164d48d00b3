// bcryptcheck: the independent judge of the password hashes Tenantry stores. It verifies a
// password (read from stdin, never argv) against a hash (argv[1]) with golang.org/x/crypto/bcrypt,
// the package KubeSphere's user controller and ks-apiserver's login use.
// Prints "ok cost N" and exits 0 on a match, 1 on a mismatch, 2 when the hash is not bcrypt.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bcryptcheck HASH < password")
		os.Exit(2)
	}
	hash := []byte(os.Args[1])
	password, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && password == "" {
		fmt.Fprintln(os.Stderr, "no password on stdin")
		os.Exit(2)
	}
	password = strings.TrimSuffix(password, "\n")
	cost, err := bcrypt.Cost(hash)
	if err != nil {
		fmt.Println("not a bcrypt hash:", err)
		os.Exit(2)
	}
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
		fmt.Println("mismatch:", err)
		os.Exit(1)
	}
	fmt.Printf("ok cost %d\n", cost)
}
