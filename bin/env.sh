# Sourced by bin/run, bin/test and .ci/run: the JDK and the npm packages every command needs.
# web3j needs Java 21+; the machine's default java is 17.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25-jdk* 2>/dev/null | head -n 1)
fi
[ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ] || { echo "no JDK 21+ found (looked for /usr/lib/jvm/temurin-25-jdk*)" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# anvil and solc come from the npm registry, pinned by package-lock.json
if [ ! -x "$repo/node_modules/.bin/solcjs" ] || [ "$repo/package-lock.json" -nt "$repo/node_modules/.package-lock.json" ]; then
  echo "== installing npm packages (anvil, solc)"
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error)
fi
