package dev.automations.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * What an event received: the body, or a stub when that was too large. Kept apart from the event (V15) because an
 * event's status changes when it is fired and its payload never does. Written once, with its event.
 */
@Entity
@Table(name = "automation_event_payloads")
@NamedQuery(name = EventPayload.OF_EVENTS, query = "SELECT p.eventId, p.payload FROM EventPayload p WHERE p.eventId IN :ids")
public class EventPayload {

    /** Pairs of event id and payload; scalars, so that no event is read with them. */
    public static final String OF_EVENTS = "EventPayload.ofEvents";

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    /** Maps the key to the event's, which also tells both providers to insert the event first (the foreign key). */
    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private AutomationEvent event;
    private String payload;

    protected EventPayload() {
    }

    public EventPayload(AutomationEvent event, String payload) {
        this.eventId = event.id();
        this.event = event;
        this.payload = payload;
    }

    public AutomationEvent event() {
        return event;
    }

    public String payload() {
        return payload;
    }
}
