package ca.ptm.nocturne.operations.cli;

/** The help text of the command line. */
final class Usage {

    private Usage() {
    }

    static final String TEXT = """
            Nocturne — traitements de nuit de Piano Technique Montréal

            Utilisation : java -jar nocturne.jar <commande> [options]
                     ou : ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="<commande> [options]"

            Sans commande : la nuit de démonstration (1er décembre 2025) sur les exemples de jobs/samples/.

            Service
              serve     reste en service : console web (http://127.0.0.1:8080) et nuit lancée selon l'horaire
                        (nocturne.schedule.cron, défaut 2 h, heure de Montréal) ; rattrape au démarrage la dernière
                        nuit manquée
              console   la console web seule, sans horaire
              worker    lit des tranches de l'historique Gazelle pour les nuits d'autres processus (partitionnement
                        à distance : nocturne.partitioning.mode=remote, file RabbitMQ, même base PostgreSQL)

            Lancer
              run nightly [--date=AAAA-MM-JJ] [--dir=DOSSIER] [--year=AAAA] [--source=api|files] [--gazelle-dir=DOSSIER] [--full]
                    la nuit complète : import, synchronisation Gazelle ; une nuit échouée relancée à la même date
                    est reprise, jamais refaite
              run import [--dir=DOSSIER] [--year=AAAA]
                    l'import des fichiers historiques seul (dossier par défaut : jobs/import/inbox)
                    --year : année des dates sans année (« 5 décembre ») quand le fichier n'en donne aucune
              run gazelle-sync [--full] [--source=api|files] [--dir=DOSSIER]
                    la synchronisation Gazelle seule ; source par défaut : l'API si elle est configurée, sinon les
                    exports CSV de Gazelle (dossier par défaut : jobs/gazelle/exports) ; --full relit tout l'historique

              run pda-reconcile [--date=AAAA-MM-JJ] [--lookback-days=N]
                    relie les demandes Place des Arts aux rendez-vous Gazelle, fait avancer les statuts, le stationnement
              run pda-completion [--date=AAAA-MM-JJ] [--lookback-days=45] [--source=api|files]
                    demande à Gazelle l'état de chaque rendez-vous lié (45 derniers jours) et passe les demandes
                    à « Complété » ; avec les exports CSV, lit les exports et le dit
              run pda-bill --month=AAAA-MM --by=NOM [--dry-run]
                    facture les demandes Place des Arts complétées du mois (date du rendez-vous) : statut Facturé,
                    date et nom inscrits, historique ; --dry-run liste ce qui serait facturé avec le total
              run reports [--date=AAAA-MM-JJ] [--only=inventaire,entretien,contrats,facturation-pda,fournitures]
                    les rapports PDF et CSV seuls, dans var/reports/AAAA-MM-JJ/
              run validate [--execution=N°]
                    refait le contrôle des comptes d'une exécution passée (par défaut la dernière)

            Administrer (numéro d'exécution donné par « jobs list »)
              jobs list [--status=FAILED] [--limit=N]   les dernières exécutions
              jobs show <n°>                            étapes, compteurs, fichiers, contrôle des comptes, premiers rejets
              jobs restart <n°>                         reprend une exécution échouée après son dernier bloc validé
              jobs stop <n°>                            arrête une exécution en cours à la fin de son bloc
              jobs abandon <n°>                         abandonne une exécution échouée (elle ne sera plus reprise)
              jobs recover <n°>                         marque en échec une exécution bloquée par un processus mort

            Alertes d'entretien (housse, alimentation, réservoir, autre, humidité hors plage, PLS inefficace)
              alerts list                               les alertes ouvertes
              alerts resolve <n°> --by=NOM              marque une alerte résolue (journalisé dans console_audit)

            Codes de sortie : 0 terminé, 1 échec, 2 commande invalide ou refusée, 3 terminé avec avertissements
            """;
}
