/** Payer names and messages for VM-number (Vippsnummer / MyShop) payments, the only ones with personal data. */

import type { Country } from "../lib/demo-world/world";

const FIRST: Record<Country, readonly string[]> = {
  NO: ["Ola", "Kari", "Nora", "Jakob", "Emma", "Lars", "Ingrid", "Sindre", "Maja", "Henrik", "Sofie", "Magnus", "Thea", "Eirik", "Solveig", "Håkon", "Åse", "Bjørn"],
  DK: ["Mads", "Freja", "Søren", "Ida", "Rasmus", "Karen", "Mikkel", "Anne", "Frederik", "Mette", "Jonas", "Sofie", "Niels", "Astrid", "Jørgen", "Line"],
  FI: ["Mikko", "Aino", "Juha", "Helmi", "Ville", "Emilia", "Antti", "Sanna", "Pekka", "Liisa", "Eetu", "Venla"],
};

const LAST: Record<Country, readonly string[]> = {
  NO: ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Berg", "Haugen", "Bakken", "Solberg", "Dahl", "Lie", "Strøm", "Ødegård"],
  DK: ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen", "Østergaard"],
  FI: ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen", "Järvinen"],
};

const MESSAGES: Record<Country, readonly string[]> = {
  NO: ["Kaffe og bolle", "Takk!", "Bursdagsgave til Ola", "Lunsj fredag", "2 x cappuccino", "Kake til møtet", "Spleis på kaffen", "Tusen takk for sist", "Julegave", "☕"],
  DK: ["Kaffe og wienerbrød", "Tak!", "Rugbrød x2", "Fødselsdagskage", "Morgenmad", "Til fællesskabet", "Kanelsnegle", "God weekend"],
  FI: ["Kiitos!", "Saunavuoro", "Kahvi ja pulla", "Lahja", "Lauantain löyly"],
};

export interface PayerDetails {
  name: string;
  maskedPhoneNo: string;
  message: string;
}

export function payerDetails(country: Country, rand: () => number): PayerDetails {
  const pick = (list: readonly string[]): string => list[Math.floor(rand() * list.length)] ?? list[0] ?? "";
  const name = `${pick(FIRST[country])} ${pick(LAST[country])}`;
  const maskedPhoneNo = `xxxx ${String(Math.floor(rand() * 10_000)).padStart(4, "0")}`;
  // Many payers write nothing; the API then has an empty message.
  const message = rand() < 0.45 ? "" : pick(MESSAGES[country]);
  return { name, maskedPhoneNo, message };
}
