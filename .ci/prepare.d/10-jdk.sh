# The build itself: a JDK 17, git and curl (the Maven wrapper downloads Maven with it).
base=()
command -v javac >/dev/null || base+=(openjdk-17-jdk-headless)
command -v git >/dev/null || base+=(git)
command -v curl >/dev/null || base+=(curl)
if [ ${#base[@]} -gt 0 ]; then apt_install "${base[@]}"; fi
