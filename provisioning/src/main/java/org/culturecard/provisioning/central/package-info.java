/** Central's admin API as provisioning calls it (staff, kiosk registry); used by provision's commands only. */
package org.culturecard.provisioning.central;
