# Sourced by the scripts: tool paths and settings shared by build, serve and test.
export PATH="$PWD/node_modules/.bin:$PWD/target/tools/squawk/bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
