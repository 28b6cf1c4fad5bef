# Thin aliases for ./dev, which does the work (and needs nothing but bash and python3).
.PHONY: demo test diagram bench
demo test diagram bench:
	./dev $@
