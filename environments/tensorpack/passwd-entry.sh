#!/bin/sh
# Gives the container's uid a passwd entry when it has none (trainings run as the invoking user's uid, which the
# image does not know), so that Open MPI 2.x and getpass.getuser() can name the user; then runs the command.
if ! whoami >/dev/null 2>&1 && [ -w /etc/passwd ]; then
  echo "maskbench:x:$(id -u):$(id -g):MaskBench:${HOME:-/tmp}:/bin/sh" >> /etc/passwd
fi
export USER="${USER:-$(whoami 2>/dev/null || echo maskbench)}"
exec "$@"
