module tenantry.dev/bcryptcheck

go 1.26.0

require golang.org/x/crypto v0.47.0
