# Sourced by the project's scripts: finds a JDK 25 and exports JAVA_HOME.
# Machines may default to an older JDK (Debian 12 ships 17), so never trust `java` on PATH.
if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  :
else
  JAVA_HOME=""
  for d in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-* /usr/lib/jvm/jdk-25* /opt/java/jdk-25*; do
    if [ -x "$d/bin/javac" ]; then JAVA_HOME="$d"; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "motcua needs a JDK 25 (Debian 13: apt-get install openjdk-25-jdk-headless); none found under /usr/lib/jvm" >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
