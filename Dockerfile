# docgen for CI: the static linux binary of `make release` on distroless
# static (no shell, no package manager, runs as an unprivileged user). Build
# it after `make release`, for the platform of the machine or for both:
#
#   make release
#   docker buildx build --platform linux/amd64,linux/arm64 -t docgen:$(git describe --tags) .
#
# and run it on the current folder (nothing is fetched at run time):
#
#   docker run --rm -v "$PWD:/work" docgen check device.yaml
#
# The image has no shell: use it where the job runs docgen itself (GitHub's
# `uses: docker://...` steps, `docker run`); CI jobs that run shell scripts
# use the release binary instead (see examples/ci).
FROM gcr.io/distroless/static-debian12:nonroot
ARG TARGETARCH=amd64
COPY dist/docgen-linux-${TARGETARCH} /usr/local/bin/docgen
COPY dist/LICENSE dist/NOTICE dist/THIRD-PARTY-LICENSES.txt /usr/share/doc/docgen/
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/docgen"]
CMD ["--help"]
