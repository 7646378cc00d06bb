# The reports app keeps no records of its own yet: reports are generated from the register.
