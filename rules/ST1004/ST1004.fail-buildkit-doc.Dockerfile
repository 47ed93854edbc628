From alpine:3.20
Run echo hello > /greeting.txt
EntRYpOiNT ["cat", "/greeting.txt"]
