/**
 * Microsoft Entra ID through Microsoft Graph v1.0: factory {@code entra}, platform {@code entra}.
 *
 * <p>The connector reads the tenant (users, groups and members, app role assignments, directory role members)
 * with the Microsoft Graph SDK for Java, polls the activity feeds {@code sign_ins}, {@code directory_audits} and
 * {@code risk_detections} with a durable cursor, and makes the connector writes: create or update and disable
 * users, add and remove group members, assign and unassign app roles (or directory roles), and write the reason
 * note into a configured attribute, each read back afterwards. It authenticates as an application with the
 * client-credentials grant; secrets are configured as references and never logged. It acts only when called:
 * writes reach it through {@code Provisioning}, which checks the agent's scope and ledgers before and after.
 *
 * <p>{@link io.countersign.connectors.entra.EntraNotifications} subscribes to change notifications and receives
 * them at {@code /hooks/graph}, authenticated by their {@code clientState}, into the inbox. Graph SDK types never
 * leave this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entra ID connector")
package io.countersign.connectors.entra;
