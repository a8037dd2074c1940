package dev.automations.security.control;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request bodies of §3; the JSON field names are the snake_case forms of the component names. */
public final class Requests {

    static final String NAME_PATTERN = "^[a-zA-Z0-9]+(?:[-_][a-zA-Z0-9]+)*$";

    private Requests() {
    }

    public record NewUser(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 32) @Pattern(regexp = NAME_PATTERN, message = "letters, digits and single - or _ between them") String username,
            @NotNull @Size(min = 8, max = 256) String password,
            @Size(max = 128) String name,
            List<UUID> organizationIds) {
    }

    public record Credentials(@NotBlank String email, @NotNull String password) {
    }

    public record NewToken(
            @NotBlank @Size(max = 64) @Pattern(regexp = NAME_PATTERN, message = "letters, digits and single - or _ between them") String tokenName,
            @Min(1) @Max(31_536_000) Long lifetimeSeconds) {
    }

    public record Roles(@NotNull List<String> roles) {
    }

    public record NewOrganization(
            @NotBlank @Size(max = 64) @Pattern(regexp = NAME_PATTERN, message = "letters, digits and single - or _ between them") String name) {
    }
}
