#!/usr/bin/env bash
# Builds Hanse OMS and starts it in the background on embedded Derby with the demo store.
# Stop it with: karaf-distribution/target/assembly/bin/stop
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q install -DskipTests
KARAF=karaf-distribution/target/assembly
"$KARAF/bin/start"

printf 'Starting Hanse OMS'
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null http://localhost:8181/api/v1/health; then
    # the demo store seeds itself in the background; its last step is the walk-in POS order
    for _ in $(seq 1 30); do
      curl -sf -u agent:agent 'http://localhost:8181/api/v1/customers?q=walk-in@example.com' \
        | grep -q walk-in && break
      sleep 1
    done
    cat <<INFO

Hanse OMS is running (embedded Derby in $KARAF/data/hanse, demo store loaded).

  REST API      http://localhost:8181/api/v1          (try: curl -u agent:agent http://localhost:8181/api/v1/orders)
  OpenAPI       http://localhost:8181/api/v1/openapi.json
  SSH shell     ssh -p 8101 admin@localhost            (password admin)
  Web console   not yet shipped
  SOAP          http://localhost:8181/soap/OrderService?wsdl  (also InventoryService, CatalogService, PaymentService)
  Test cards    4242 4242 4242 4242 approved, 4000 0000 0000 0002 declined (README: Pay, ship, return)
  Log           $KARAF/data/log/karaf.log
  Stop          $KARAF/bin/stop

Demo users: admin/admin, manager/manager, agent/agent, channel/channel (see README before going live).
INFO
    exit 0
  fi
  printf '.'
  sleep 1
done
echo
echo "Hanse OMS did not answer within 120 s; see $KARAF/data/log/karaf.log" >&2
exit 1
