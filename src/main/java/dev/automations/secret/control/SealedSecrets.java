package dev.automations.secret.control;

import java.util.List;

/**
 * The secrets one feature stores sealed, as {@link SecretResealing} sees them: a CDI bean per feature, so this
 * package re-seals every feature's secrets without depending on any of them.
 *
 * @param <T> the rows that hold sealed values
 */
public interface SealedSecrets<T> {

    /** What a row is, for logs: "trigger", "model config". */
    String kind();

    /** The rows holding a value sealed under a key other than {@code primaryKeyId}. */
    List<T> sealedUnderOtherKeys(String primaryKeyId);

    /** The row's id, for logs. */
    Object id(T row);

    /**
     * Seals the row's values again under the primary key, in the caller's transaction.
     *
     * @throws UnreadableSecretException if a value cannot be opened
     */
    void reseal(T row, SecretBox box);
}
