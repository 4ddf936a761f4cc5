/** Central's admin API as provisioning calls it (staff, kiosk registry); used by provision's commands only, internal to the module. */
package org.culturecard.provisioning.internal.central;
