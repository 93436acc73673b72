# Sourced by the benchmark scripts (run from the repository root).
#
# test_classpath MODULE...: test-compiles the modules (no tests run; offline first, online if a
# dependency is missing) and sets cp to the last module's test classes, classes and test-scope
# classpath, which is where the benchmark classes live. SKIP_BUILD=1 reuses the previous build.
test_classpath() {
    local last=${*: -1}
    local list
    list=$(IFS=,; echo "$*")
    local classpath_file="$PWD/$last/target/test-classpath.txt"
    if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -s "$classpath_file" ]; then
        echo "== building $list (test-compile) =="
        # every module of the reactor writes the classpath file in turn; the last one wins
        local build=(-B -q -pl "$list" test-compile dependency:build-classpath -Dmdep.includeScope=test
            "-Dmdep.outputFile=$classpath_file")
        if ! mvn -o "${build[@]}"; then
            echo "offline build failed; trying online" >&2
            mvn "${build[@]}"
        fi
    fi
    cp="$last/target/test-classes:$last/target/classes:$(cat "$classpath_file")"
}
