package io.github.drkit.runtime.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * Where a call goes, by the rules the AWS SDKs and CLI follow: an endpoint given in code; then, unless
 * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} (or the profile's {@code ignore_configured_endpoint_urls}) is true,
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's {@code [services ...]} section and the
 * profile's {@code endpoint_url}; otherwise AWS's endpoint for the Region from the SDK's endpoint metadata, FIPS
 * and dual-stack when {@code AWS_USE_FIPS_ENDPOINT} / {@code AWS_USE_DUALSTACK_ENDPOINT} (or the profile's
 * {@code use_fips_endpoint} / {@code use_dualstack_endpoint}) ask for them.
 */
final class EndpointResolver {
    private final URI override;
    private final Map<String, String> environment;
    private final Supplier<ProfileFile> profileFile;
    private volatile ProfileFile profiles;
    private volatile Optional<Profile> profile;

    /**
     * @param profiles read only when the environment does not settle the endpoint
     */
    EndpointResolver(URI override, Map<String, String> environment, Supplier<ProfileFile> profiles) {
        this.override = override;
        this.environment = Map.copyOf(environment);
        this.profileFile = profiles;
    }

    URI endpoint(AwsService service, String region) {
        if (override != null) {
            return override;
        }
        if (!flag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ProfileProperty.IGNORE_CONFIGURED_ENDPOINT_URLS)) {
            Optional<URI> configured = variable("AWS_ENDPOINT_URL_" + service.endpointKey())
                    .or(() -> variable("AWS_ENDPOINT_URL"))
                    .or(() -> servicesSection(service))
                    .or(() -> profile().flatMap(p -> p.property(ProfileProperty.ENDPOINT_URL)).map(String::trim)
                            .filter(s -> !s.isEmpty()).map(URI::create));
            if (configured.isPresent()) {
                return configured.get();
            }
        }
        return service.endpoint(region, flag("AWS_USE_FIPS_ENDPOINT", ProfileProperty.USE_FIPS_ENDPOINT),
                flag("AWS_USE_DUALSTACK_ENDPOINT", ProfileProperty.USE_DUALSTACK_ENDPOINT));
    }

    private Optional<URI> variable(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create);
    }

    /** {@code services = name} in the profile, then {@code <service key> = \n  endpoint_url = ...} in {@code [services name]}. */
    private Optional<URI> servicesSection(AwsService service) {
        return profile().flatMap(p -> p.property("services"))
                .flatMap(name -> profiles().getSection("services", name.trim()))
                .flatMap(section -> section.property(service.profileKey() + "." + ProfileProperty.ENDPOINT_URL))
                .map(String::trim).filter(s -> !s.isEmpty()).map(URI::create);
    }

    /** A true/false setting: the environment variable first, then the profile. */
    private boolean flag(String variable, String profileProperty) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            value = profile().flatMap(p -> p.property(profileProperty)).orElse(null);
        }
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(variable + " (or profile setting " + profileProperty + ") must be true or false"
                    + " (got \"" + value.trim() + "\")");
        };
    }

    private ProfileFile profiles() {
        ProfileFile loaded = profiles;
        if (loaded == null) {
            loaded = profileFile.get();
            profiles = loaded;
        }
        return loaded;
    }

    private Optional<Profile> profile() {
        Optional<Profile> loaded = profile;
        if (loaded == null) {
            String name = environment.getOrDefault("AWS_PROFILE", "default");
            try {
                loaded = profiles().profile(name.isBlank() ? "default" : name.trim());
            } catch (RuntimeException unreadable) {
                throw new IllegalStateException("could not read the AWS shared config for profile " + name + ": " + unreadable.getMessage(),
                        unreadable);
            }
            profile = loaded;
        }
        return loaded;
    }
}
